"""Identical activities written once, counted: a note says "two one-day meetings … in 2010", not "one
one-day meeting … in 2010, one one-day meeting … in 2010".

Two activities are identical when everything a note may print of them is the same — kind, label,
quantities, languages, services, place, year, funding, section, object — whatever their ids. Their
count (:attr:`~pbi.model.specs.Activity.count`, "number of identical events") is then the sum of
theirs, and the merged activity prices the same as the two; travel says its count as trips ("two
trips of staff"). A dated session (``start``/``end``) and an activity drawing on an entitlement keep
their own sentences.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from pbi.model.specs import Activity

__all__ = ["identity", "merge_identical", "merge_identical_by"]

#: what a note never prints of an activity: its id, its count (summed), the assumptions behind it
_NOT_PRINTED = frozenset({"id", "count", "assumed"})

T = TypeVar("T")


def identity(activity: Activity) -> str | None:
    """What makes ``activity`` identical to another, or None for one that is always written alone."""
    if activity.start is not None or activity.entitlement is not None:
        return None
    return json.dumps(activity.model_dump(mode="json", exclude=set(_NOT_PRINTED)), sort_keys=True)


def merge_identical(activities: Iterable[Activity]) -> tuple[Activity, ...]:
    """``activities`` with identical ones merged into the first of them, counts summed, in order."""
    return tuple(merge_identical_by(list(activities), lambda a: a, lambda a, act: act))


def merge_identical_by(items: Sequence[T], activity_of: Callable[[T], Activity],
                       rebuild: Callable[[T, Activity], T], key: Callable[[T], object] | None = None) -> list[T]:
    """Items carrying an activity (a statement's lines) merged like :func:`merge_identical`; ``key``
    keeps apart items identical in their activity but not otherwise (another request)."""
    first: dict[tuple[object, str], int] = {}
    counts: list[int] = []
    out: list[T] = []
    for item in items:
        act = activity_of(item)
        ident = identity(act)
        k = (key(item) if key else None, ident) if ident is not None else None
        if k is not None and k in first:
            counts[first[k]] += act.count
            continue
        if k is not None:
            first[k] = len(out)
        out.append(item)
        counts.append(act.count)
    return [item if activity_of(item).count == n and not _folds(activity_of(item))
            else rebuild(item, _counted(activity_of(item), n)) for item, n in zip(out, counts, strict=True)]


def _folds(activity: Activity) -> bool:
    """A travel activity of several counts: its note states trips, so the count goes into them."""
    return activity.kind == "travel" and activity.trips is not None and activity.count > 1


def _counted(activity: Activity, count: int) -> Activity:
    """``activity`` of ``count`` events; travel says them as trips (two trips of staff, not one
    trip twice), which prices the same: each trip is an airfare and its days of allowance."""
    if activity.kind == "travel" and activity.trips is not None and count > 1:
        # the travel of a meeting's participants stays counted as meetings (two workshops, travel of
        # 15 participants each); the trips still say them all
        keep = count if activity.participants is not None else 1
        return activity.model_copy(update={"count": keep, "trips": activity.trips.map(lambda t: t * count)})
    return activity.model_copy(update={"count": count})

