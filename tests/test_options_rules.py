"""Catalogue options found in a source: inflected terms, and terms that are only part of a name."""

from __future__ import annotations

from brief.ingest.draft import sentence_spans
from brief.ingest.extract import find_options
from brief.inputs.models import CatalogueOption

CATALOGUE = {
    "laundering": CatalogueOption(id="laundering", title="Anti-money-laundering", terms=["money laundering"]),
    "migration": CatalogueOption(id="migration", title="Migration cooperation", terms=["migration"]),
    "fto": CatalogueOption(id="fto", title="FTO designation", terms=["foreign terrorist organization", "FTO"]),
    "police": CatalogueOption(id="police", title="Police capacity", terms=["police"]),
}


def found(text: str) -> set[str]:
    return {o.id for o in find_options(text, sentence_spans(text), CATALOGUE)}


def test_an_inflected_term_is_found() -> None:
    assert found("Prosecutors charged three money launderers who moved cash for the ring.") == {"laundering"}


def test_a_term_inside_a_longer_name_is_not_the_option() -> None:
    text = "The delegation included the Undersecretary for Population and Migration and two deputies."
    assert found(text) == set()


def test_a_name_that_is_the_term_itself_counts() -> None:
    assert found("The order lists the group as a Foreign Terrorist Organization under the statute.") == {"fto"}


def test_an_ending_never_turns_into_another_word() -> None:
    assert found("The new policy takes effect in the spring.") == set()
    assert found("Local police will patrol the harbour at night.") == {"police"}


def test_a_noun_of_action_is_found_by_its_verb() -> None:
    catalogue = {"demand": CatalogueOption(id="demand", title="Reduce demand", terms=["demand reduction"])}
    text = "The ministers will promote public health services to reduce harm and demand across the region."
    assert {o.id for o in find_options(text, sentence_spans(text), catalogue)} == {"demand"}
    text = "Demand for ferry tickets fell in the spring."
    assert not find_options(text, sentence_spans(text), catalogue)
