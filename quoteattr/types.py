"""Result objects: Quote, Speaker, Cue and Mention, and their JSON form (to_dict)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

# What extract() reports: speech acts only, or also beliefs and findings ("polls show ...").
Scope = Literal["speech", "attribution"]


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True)
class Mention:
    """A piece of the input text: the words as written and their character offsets."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mention:
        return cls(str(data["text"]), int(data["start"]), int(data["end"]))


# A cue is a mention too ("said", "according to", ":"); the alias keeps signatures readable.
Cue = Mention


@dataclass(frozen=True)
class Speaker:
    """Who said it: the resolved name, the title the article gives them, and the local mention."""

    name: str
    title: str | None = None
    label: str = "PERSON"
    mention: Mention | None = None
    affiliation: str | None = None
    # Several people said it ("Ana Ruiz and Tom Lee said"): every one of them in text order,
    # this speaker (the one the mention names) among them; empty for one speaker.
    members: tuple[Speaker, ...] = ()
    # Where the title is held when the article says so outside the title ("Governor" at the
    # bank it named before; "HAG chairman" at the group those initials stand for)
    held_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "title": self.title,
            "label": self.label,
            "mention": self.mention.to_dict() if self.mention else None,
        }
        if self.affiliation:
            out["affiliation"] = self.affiliation
        if self.held_at:
            out["held_at"] = self.held_at
        if self.members:
            out["members"] = [m.to_dict() for m in self.members]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Speaker:
        """The speaker from its JSON form (``to_dict()``)."""
        mention = data.get("mention")
        return cls(
            name=str(data["name"]),
            title=data.get("title"),
            label=str(data.get("label") or "PERSON"),
            mention=Mention.from_dict(mention) if mention else None,
            affiliation=data.get("affiliation"),
            held_at=data.get("held_at"),
            members=tuple(cls.from_dict(m) for m in data.get("members") or ()),
        )

    def __repr__(self) -> str:
        bits = [repr(self.name)]
        if self.title:
            bits.append(f"title={self.title!r}")
        if self.affiliation:
            bits.append(f"affiliation={self.affiliation!r}")
        if self.held_at:
            bits.append(f"held_at={self.held_at!r}")
        bits.append(self.label)
        if self.mention and self.mention.text != self.name:
            bits.append(f"as {self.mention.text!r}")
        if self.members:
            others = [repr(m.name) for m in self.members if m.name != self.name]
            bits.append(f"with {', '.join(others)}")
        return f"Speaker({', '.join(bits)})"


@dataclass(frozen=True)
class SpeakerSummary:
    """One distinct speaker in a document: who, with what title, where named, and what they said.

    ``mentions`` are every place the article names or refers to the speaker that the resolver
    tied to them; ``quotes`` are their quotes in text order.
    """

    name: str
    title: str | None = None
    label: str = "PERSON"
    affiliation: str | None = None
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    held_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "title": self.title, "label": self.label}
        if self.affiliation:
            out["affiliation"] = self.affiliation
        if self.held_at:
            out["held_at"] = self.held_at
        out["mentions"] = [m.to_dict() for m in self.mentions]
        out["quotes"] = [
            {"text": q.text, "start": q.start, "end": q.end, "kind": q.kind} for q in self.quotes
        ]
        return out

    def __repr__(self) -> str:
        bits = [repr(self.name)]
        if self.title:
            bits.append(f"title={self.title!r}")
        bits.append(self.label)
        bits.append(f"{len(self.quotes)} quote{'s' if len(self.quotes) != 1 else ''}")
        bits.append(f"{len(self.mentions)} mention{'s' if len(self.mentions) != 1 else ''}")
        return f"SpeakerSummary({', '.join(bits)})"


@dataclass(frozen=True)
class Quote:
    """One attributed quotation.

    ``start`` is where the first piece begins and ``end`` where the last one stops (for a mixed
    quote, the reported clause around them); ``fragments`` are the quoted pieces (for a direct
    quote, the words inside the marks; for an indirect one, the reported clause).
    """

    text: str
    start: int
    end: int
    fragments: tuple[tuple[int, int], ...]
    kind: str = "direct"
    cue: Cue | None = None
    speaker: Speaker | None = None
    confidence: float = 0.0
    method: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "fragments": [[s, e] for s, e in self.fragments],
            "kind": self.kind,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "confidence": round(self.confidence, 3),
            "method": self.method,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """The quote from its JSON form (``to_dict()``, one record of the CLI's output)."""
        cue, speaker = data.get("cue"), data.get("speaker")
        return cls(
            text=str(data["text"]),
            start=int(data["start"]),
            end=int(data["end"]),
            fragments=tuple((int(s), int(e)) for s, e in data["fragments"]),
            kind=str(data.get("kind", "direct")),
            cue=Mention.from_dict(cue) if cue else None,
            speaker=Speaker.from_dict(speaker) if speaker else None,
            confidence=float(data.get("confidence", 0.0)),
            method=str(data.get("method", "")),
        )

    def __repr__(self) -> str:
        who = self.speaker.name if self.speaker else "?"
        cue = self.cue.text if self.cue else "—"
        return (
            f"<Quote {self.kind} {who!r} {cue} “{_short(self.text)}” "
            f"[{self.start}:{self.end}] {self.method} {self.confidence:.2f}>"
        )
