"""The words of speech that attribution patterns are built from: speech verbs, the participles
that lead into quoted words, role nouns, and a capitalised name or title.

Stage: extraction (shared by :mod:`.attribution` and :mod:`.quotelabels`). Regular-expression
fragments, and one pattern both modules search with: a speech verb as a word (VERB_WORD).
"""

from __future__ import annotations

import re

from brief.ingest.vocabulary import NAME_WORD, ROLE_NOUNS

# Verbs that report speech, before or after the speaker: "Jane Roe said", "…," said Jane Roe.
VERBS = (
    r"(?:said|says|say|(?:is|was|has\s+been|had\s+been)\s+saying|told|tells|added|adds|noted|notes|explained|explains|argued|argues|warned|warns|wrote|writes|asked|asks|"
    r"stated|states|declared|declares|proclaimed|proclaims|insisted|insists|recalled|recalls|continued|continues|replied|replies|responded|responds|answered|tweeted|announced|concluded|goes on|went on|"
    r"confirmed|confirms|admitted|admits|acknowledged|claimed|claims|stressed|suggested|suggests|commented|remarked|remarks|conceded|"
    r"predicted|revealed|urged|reads|testified|cautioned|emphasised|emphasized|responded|quipped|joked|boasted|complained|"
    r"pleaded|promised|vowed|observed|reported|countered|maintained|thinks|believes|feels|reminded|reminds|read|put it|puts it|taught us|teaches us|according to|"
    r"yelled|shouted|screamed|whispered|exclaimed|implored|begged)"
)
VERB_WORD = re.compile(rf"\b{VERBS}\b")
# The plural present, read only before the words ("The secretaries write that …: “…”"), since after
# them "a promissory note" or "the add" would read as a speaker and a verb.
VERBS_BEFORE = (
    rf"(?:{VERBS[3:-1]}|write|tell|add|note|argue|warn|explain|insist|claim|stress|yell|shout"
    # a saying someone had: "Tom Vance used the phrase, “…”", "My mother had an expression, “…”"
    r"|used\s+the\s+(?:phrase|words|line|expression)|(?:had|used\s+to\s+have)\s+an?\s+(?:expression|saying)"
    # words said inwardly: "I think to myself, “…”", "she asked herself"
    r"|(?:think|thought|say|said|ask|asked)\s+(?:to\s+)?(?:myself|ourselves|himself|herself|themselves))"
)
# Participles and calls that introduce words before them: "..., adding: “…”", "Roe called for “…”".
LEADS = (
    r"(?:adding|saying|telling|warning|noting|explaining|arguing|insisting|stating|writing|asking|called\s+for|urging|"
    r"complaining|claiming|declaring|admitting|stressing|recalling|replying|boasting|sharing|emphasizing|emphasising|"
    r"highlighting|reminding)"
)
# A role noun ("director", "coach") and a run of capitalised words with the small words of an
# office between them ("Secretary of State for the Home Department").
ROLE_WORD = "|".join(sorted(ROLE_NOUNS))
TITLED = rf"{NAME_WORD}(?:\s+(?:(?:of|for|the|and|to|at)\s+){{0,2}}{NAME_WORD}){{0,7}}"
# Verbs that give something a name or a verdict, which the quoted words are: "described as “…”",
# "branded “…” by X"; one list for the agent before the words and the agent after them.
NAMING_VERBS = (
    r"(?:described|called|termed|dubbed|branded|labell?ed|characteri[sz]ed|criticised|criticized|condemned|denounced|hailed|praised)"
)
# Speech acts whose subject, earlier in the quotation's sentence, is who speaks: "what Dr. King
# called “…”", "the minister told MPs the plan was “…”".
ACT_VERBS = (
    r"\b(?:accused|called|described|denounced|dismissed|dubbed|said|says|saying|telling|urged|termed|labeled|labelled|"
    r"declared|declares|wrote|writes|promised|pledged|vowed|warned|insisted|stated|proclaimed|praised|condemned|told|tells|"
    r"directed|ordered|asked|demanded|claimed|claims|hailed|argued|argues|branded|thanked|calls|denied|denies|"
    r"branding|describing|accusing|reaffirmed|reaffirms|underscored|underscores|emphasized|emphasised|reiterated|reiterates|"
    r"affirmed|conveyed|stressed|highlighted|boasted|boasts|bragged|brags|advised|advises|admitted|admits|conceded|declaring|brands|dubs|add(?:ed|s)(?=\s+that\b)|"
    r"agreed(?=\s+(?:that|it|this|the|he|she|they)\b)|questioned(?=\s+(?:why|whether|how|if)\b)|argue|insist|warn|claim|"
    r"apologi[sz]ed\s+for|informed)\b"
)
# More speech acts, and their participles, that a release writes before longer words ("she
# lamented “…”", "sharing that “…”"); before a word or two they more often frame a scare quote.
MORE_ACT_VERBS = (
    r"\b(?:lamented|laments|lamenting|shared|sharing|claiming|noted|noting|explained|explaining|recalled|recalling|remarked|"
    r"quipped|joked|complained|complaining|pledging|vowing|warning|insisting|declaring|stating|urging|reminded|reminding|"
    r"emphasizing|emphasising|stressing|highlighting|suggested|acknowledged|admitted|conceded|promising|announced|"
    r"announcing|added|adding|cautioned|predicted|talked\s+about|talks\s+about|spoke\s+(?:of|about)|speaks\s+(?:of|about)|referred\s+to)\b"
)
# Someone who speaks for another: "the rapper's spokesman", "Mr Roe's lawyer".
AIDE = r"(?:spokes(?:man|woman|person)|lawyer|attorney|agent|aide|publicist|representative)"
# What a person or a body writes, owned before a verb or after the words: "Mr Kok's report
# noted: “…”", "…," the firm's statement said.
OWNED_DOCUMENTS = r"(?:statement|press\s+release|letter|report|memo|memorandum|study|review|book|article|column|op-ed|essay|post|tweet)"
# People of one kind who speak together, named in the plural with no article: '…," police said',
# '…," festival organisers said in a statement'.
GROUPS = (
    r"(?:police|officials|organisers|organizers|analysts|experts|critics|campaigners|residents|witnesses|prosecutors|"
    r"investigators|researchers|economists|scientists|sources|insiders|aides|diplomats|observers|traders|dealers|"
    r"protesters|activists|officers|regulators|executives|doctors|lawyers)"
)
# A publication named by its title and what it is, which speaks as a body: "Broadcast magazine said".
OUTLET = r"(?:magazine|newspaper|paper|website|journal|tabloid|broadsheet)"
# A body's own document as the speaker: '…," says its report', '…," their statement said'.
ITS_DOCUMENT = rf"(?:[Ii]ts|[Tt]heir)\s+(?:(?:new|latest|annual|final|own|written)\s+)?{OWNED_DOCUMENTS}"
