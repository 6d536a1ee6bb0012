"""Round 23 (r23l): other-language tables by form, generated not listed (principle 3).

A CONCEPT x LANGUAGE matrix of fresh sentences (invented by a NON-NATIVE author from the
concept, none taken from a routing set) in the forms :mod:`handoff.signals.languages.forms`
generates (an object pronoun, an article before a possessive, a posing verb's gerund or
past, the other word order, another preposition or noun) or fills, and calm sentences per
language with the same words that must stay calm.
"""

from __future__ import annotations

import pytest

from handoff.signals.languages.forms import FORMS, variants
from tests.conftest import cue_kinds

# (language, concept kind, sentence)
MATRIX: tuple[tuple[str, str, str], ...] = (
    ("sk", "scam", "povedala som jej kód z esemesky"),
    ("sk", "scam", "tvrdila, že je z polície a mám poslať peniaze"),
    ("sk", "fraud_report", "z môjho účtu chýba, neviem kam to išlo"),
    ("pt", "churn_threat", "se isto continuar vou encerrar a minha conta"),
    ("it", "scam", "un tizio spacciandosi per la banca mi ha chiamato"),
    ("fr", "scam", "un homme s'est fait passer pour mon conseiller"),
    ("fr", "scam", "je leur ai transmis mes codes sans réfléchir"),
    ("es", "scam", "una mujer haciéndose pasar por el banco me llamó"),
    ("es", "still_not", "y de nuevo el mismo fallo en la app"),
    ("es", "repeated_asking", "sigo con este problema desde la semana pasada"),
    ("ps", "human_demand", "غواړم د یو سړي سره خبرې وکړم"),
    ("ckb", "human_demand", "دەمەوێت قسە لەگەڵ فەرمانبەرێک بکەم"),
    ("hi", "human_demand", "kya koi asli insaan call kar sakta hai"),
    ("bn", "scam", "নতুন নম্বর থেকে কেউ আমার ছেলে সেজে টাকা চাইল"),
    ("bn", "posing", "অচেনা নম্বর থেকে মেসেজ এলো, লিখেছে আমি তোমার নাতি"),
    ("bn", "scam_step", "কাল রাতে ২০০ ডলার ট্রান্সফার করেছি"),
    ("bn", "posing", "পরে আমার বোন বলল ও টাকা চায়নি"),
    ("so", "scam", "wuxuu ii sheegay inuu ka yimid bangiga"),
    ("so", "scam", "waan u siiyay erayga sirta ah"),
    ("so", "fraud_report", "lacagtaydii way iga la qaaday xalay"),
)

CALM: tuple[tuple[str, str], ...] = (
    ("sk", "dal som mu darček k narodeninám"),
    ("sk", "na účte mám dosť peňazí, ďakujem"),
    ("cs", "řekl jsem mu, že přijdu zítra"),
    ("pt", "quero abrir a minha conta poupança"),
    ("it", "la mia carta è scaduta, come la rinnovo?"),
    ("fr", "je lui ai donné rendez-vous demain à la banque"),
    ("es", "le dije a mi madre que llegaría tarde"),
    ("es", "estoy así de contento desde el lunes, gracias"),
    ("es", "quiero recibir otra vez el extracto por correo"),
    ("ps", "ما ته ووایه چې د خپل حساب سره څه وکړم"),
    ("ckb", "سوپاس، هەموو شتێک باشە"),
    ("hi", "koi baat nahi, shukriya"),
    ("bn", "আমার ছেলের জন্য নতুন অ্যাকাউন্ট খুলতে চাই"),
    ("bn", "আমার ছেলে নতুন চাকরি পেয়েছে, ওর জন্য অ্যাকাউন্ট খুলতে চাই"),
    ("so", "bangiga wuxuu ii siiyay kaarka cusub, mahadsanid"),
    ("so", "lacagta waan helay, mahadsanid"),
)

_CALM_KINDS = {
    "scam",
    "posing",
    "scam_step",
    "fraud_report",
    "human_demand",
    "churn_threat",
    "still_not",
    "fraud",
}


@pytest.mark.parametrize(("code", "kind", "text"), MATRIX)
def test_new_form_reads_its_concept(code: str, kind: str, text: str) -> None:
    assert kind in cue_kinds(text), (code, text)


@pytest.mark.parametrize(("code", "text"), CALM)
def test_calm_sentence_stays_calm(code: str, text: str) -> None:
    assert not cue_kinds(text) & _CALM_KINDS, (code, text)


def test_generator_combines_forms() -> None:
    found = variants("j'ai donné le code", FORMS["fr"])
    assert "je lui ai donné mon code" in found
    assert "se faisant passer pour" in variants("se faisait passer pour", FORMS["fr"])
    assert "a minha conta" in variants("vou fechar a conta", FORMS["pt"])[-1] or any(
        "a minha conta" in v for v in variants("vou fechar a conta", FORMS["pt"])
    )


def test_word_order_rewrites() -> None:
    assert "قسە لەگەڵ کەسێک بکەم" in variants("لەگەڵ کەسێک قسە بکەم", FORMS["ckb"])
    assert "د کس سره خبرې" in variants("له کارکوونکي سره خبرې", FORMS["ps"])
