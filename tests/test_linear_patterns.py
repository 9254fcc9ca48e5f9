"""Patterns proven linear run on the stdlib engine without a timer; the rest stay timed."""

from __future__ import annotations

import pickle
import re

import pytest

from editlint.rules.matching.linear import runs_in_linear_time
from editlint.rules.matching.patterns import (
    FirstUse,
    TimedPattern,
    anchored_matcher,
    compile_pattern,
)


@pytest.mark.parametrize(
    "pattern",
    [
        r"it\s+seems",  # a space cannot start "seems"
        r"(?:most|more)?\s*likely\s+(?:to|that)",
        r"\w+ly",  # one repeat may give characters back
        r"(?:\w+\s+){0,3}?(?:say|said)",  # a few copies of a group that never overlaps
        r"[a-z]+-[a-z]+",
        r"(?<![\w\-’'])(?=\S)(?:claims|claimed)(?![\w\-])",
    ],
)
def test_deterministic_patterns_are_linear(pattern):
    assert runs_in_linear_time(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:a|aa|aaa)*(?:b|c)",  # a repeated alternation: exponential
        r"(a+)+$",
        r".*.*foo",  # two repeats that overlap: cubic
        r"\w+ly\s+\w+ly",
        r"(?:\w+\s*){0,3}x",  # the group overlaps itself
        r"(a)\1",  # back-references are not understood
        r"\p{L}+",  # only the regex module parses it
        r"said[^.]*\.",  # each attempt linear, but from every "said" to the block's end
        r"claims?\S+x",
        r"according to.+",
    ],
)
def test_patterns_that_may_backtrack_are_not(pattern):
    assert not runs_in_linear_time(pattern)


def test_linear_patterns_get_the_stdlib_engine_and_others_the_timer():
    fast = anchored_matcher(compile_pattern(r"it\s+seems"))
    slow = anchored_matcher(compile_pattern(r"(?:a|aa|aaa)*(?:b|c)"))
    assert isinstance(fast, re.Pattern) and fast.flags & re.IGNORECASE
    assert isinstance(slow, TimedPattern)
    assert fast.match("IT  seems", 0, 9).span() == (0, 9)


def test_a_timed_pattern_gives_up_within_the_time_limit():
    from editlint.rules.matching import patterns

    slow = anchored_matcher(compile_pattern(r"(?:a|aa|aaa)*(?:b|c)"))
    with pytest.raises(TimeoutError), patterns.match_time_limit(0.05):
        slow.match("a" * 60 + "!", 0, 61)


def test_every_shipped_pack_pattern_runs_without_the_timer():
    from editlint.rules.kinds.common import DeclaredRule
    from editlint.rules.registry import all_rules

    made = [
        (rule.code, matcher.pattern.pattern, matcher.matcher())
        for rule in all_rules()
        if isinstance(rule, DeclaredRule)
        for search in rule.searches
        for matcher in search.matchers
    ]
    assert len(made) > 40
    assert [(code, pattern) for code, pattern, m in made if isinstance(m, TimedPattern)] == []
    assert all(isinstance(m, re.Pattern) for _, _, m in made)


def test_a_matcher_is_made_on_first_use_and_then_matches_directly():
    first = FirstUse(compile_pattern(r"it\s+seems"))
    assert "_made" not in first.__dict__
    assert first.match("so IT  seems", 3, 12).span() == (3, 12)
    made = first.matcher()
    assert isinstance(made, re.Pattern) and first.match == made.match
    assert first.match("it seemed", 0, 9) is None
    again = pickle.loads(pickle.dumps(first))
    assert "_made" not in again.__dict__ and again.match("it seems", 0, 8).span() == (0, 8)
    slow = FirstUse(compile_pattern(r"(?:a|aa|aaa)*(?:b|c)"))
    assert slow.match("aab", 0, 3).span() == (0, 3)
    assert isinstance(slow.matcher(), TimedPattern)
