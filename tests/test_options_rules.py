"""Catalogue options found in a source: inflected terms, terms that are only part of a name, and
the source's stance by the kind of document and the words next to the option."""

from __future__ import annotations

from brief.ingest.draft import sentence_spans
from brief.ingest.extract import find_options
from brief.inputs.models import CatalogueOption, Kind

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


def stances(text: str, kind: Kind) -> dict[str, str]:
    return {o.id: o.stance for o in find_options(text, sentence_spans(text), CATALOGUE, kind)}


def test_news_reports_even_a_quoted_call() -> None:
    text = 'Police must be retrained, the mayor said, as money laundering cases "failed" in court.'
    assert stances(text, "news") == {"police": "reports", "laundering": "reports"}
    assert stances(text, "report") == {"police": "reports", "laundering": "reports"}


def test_a_government_document_announces_what_it_does_unless_it_calls_on_others() -> None:
    text = (
        "The two governments expanded joint work against money laundering across the region, to confront the cartels "
        "whose smuggling and violence have long threatened the safety of families in both countries and failed them."
    )
    assert stances(text, "official") == {"laundering": "announces"}
    text = "The President calls on Congress to fund local police in every county this year."
    assert stances(text, "official") == {"police": "advocates"}


def test_commentary_advocates_or_criticizes_only_in_the_words_next_to_the_option() -> None:
    assert stances("Congress should fund the police in every county.", "opinion") == {"police": "advocates"}
    assert stances("The new migration rules are a costly mistake.", "editorial") == {"migration": "criticizes"}
    text = (
        "The police were retrained last year in three provinces and two territories, with new courses on evidence, "
        "interviews and patrols in the ports, while the rest of the reforms announced in the spring should wait."
    )
    assert stances(text, "opinion") == {"police": "reports"}
