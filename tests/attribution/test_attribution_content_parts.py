"""What was said on both sides of a cue (issue 14): a source and cue set off by commas in
mid-sentence ("The shelling, the mayor said, went on all night") give two content parts, as a
quote split by its cue does; a clause after ", and" or ", but" stays the writer's. Written for
this project: war reporting, one case a line."""

from __future__ import annotations

import pytest


def P(text, source, parts):
    return pytest.param(text, source, parts, id=text[:60])


BOTH_SIDES = [
    P("The museum, the curator said, would reopen after the war.", "the curator",
      ["The museum", "would reopen after the war"]),
    P("Back in Kherson, he said, the guns were quiet for a week.", "he",
      ["Back in Kherson", "the guns were quiet for a week"]),
    P("Too often, Colonel Petrenko said, the brigade had to wait for shells.", "Colonel Petrenko",
      ["Too often", "the brigade had to wait for shells"]),
    P("Twelve soldiers, the army said, were killed in the attack near Izium.", "the army",
      ["Twelve soldiers", "were killed in the attack near Izium"]),
    # a split quote joined by "but" or "and" after the cue
    P("“Look, I trust the commander,” he said, but “on supplies, the brigade always runs short.”", "he",
      ["Look, I trust the commander", "on supplies, the brigade always runs short"]),
    P("“We will hold,” the commander said, and “nobody here is leaving.”", "the commander",
      ["We will hold", "nobody here is leaving"]),
]

ONE_SIDE = [
    # what follows ", and" / ", but" is the writer's, not the source's
    P("Russia launched 40 drones overnight, the air force said, and 35 were shot down.", "the air force",
      ["Russia launched 40 drones overnight"]),
    P("Kyiv was hit, officials said, but damage was light.", "officials", ["Kyiv was hit"]),
    P("The convoy was hit near Sumy, two officials said.", "two officials", ["The convoy was hit near Sumy"]),
    # a participle after the frame describes the speaker: the writer's
    P("The bridge was destroyed overnight, the governor said, pointing to the river.", "the governor",
      ["The bridge was destroyed overnight"]),
    P("The mayor said the shelter was full.", "The mayor", ["the shelter was full"]),
]


@pytest.mark.parametrize("text,source,parts", BOTH_SIDES + ONE_SIDE)
def test_content_parts(nlp, text, source, parts):
    a = nlp(text)._.conflict_attributions[0]
    assert a["source"]["text"] == source
    assert [p["text"] for p in a["content_parts"]] == parts
    assert a["content"] == a["content_parts"][0]  # the contract: content is the first part
