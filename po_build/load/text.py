"""Bytes → text: UTF-8 with or without BOM and CRLF, and a Swedish reason for anything unreadable
(another encoding, a null byte, an invisible control character, a file too large)."""

from __future__ import annotations

import errno
import re
import stat
from pathlib import Path

from po_build.model.problems import ProblemList

MAX_BYTES = 1024 * 1024


# The bidirectional embeddings, overrides and isolates: invisible, and they make what follows
# them display in the other direction, so a headline can read differently from what it says.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
BIDI = re.compile(f"[{BIDI_CONTROLS}]")

# Characters an editor does not show and XML (the feeds) cannot carry: C0 and C1 control
# characters except tab and line breaks, DEL, the two non-characters U+FFFE/U+FFFF, and the
# Unicode line separators, which YAML counts as line breaks and editors do not; and the bidi
# controls above. (Soft hyphens and zero-width spaces are let through: word processors paste
# them, and the identifier scan reads the text without them.)
_INVISIBLE = re.compile(
    f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufffe\\uffff\\ud800-\\udfff{BIDI_CONTROLS}]"
)


def first_invisible(text: str) -> tuple[int, int, str] | None:
    """(line, column, character) of the first character read_text refuses, or None."""
    bad = _INVISIBLE.search(text)
    if bad is None:
        return None
    line = text.count("\n", 0, bad.start()) + 1
    col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
    return line, col, bad.group()


def read_text(path: Path, problems: ProblemList) -> str | None:
    """Bytes to text, tolerant of a BOM and CRLF, refusing anything unreadable."""
    try:
        info = path.stat()
    except OSError as err:
        problems.add("PO100", f"filen gick inte att läsa ({os_reason(err)})")
        return None
    if not stat.S_ISREG(info.st_mode):
        # A named pipe or a device would make the read wait forever.
        problems.add("PO122", "det här är ingen vanlig fil (utan t.ex. en mapp, pipe eller enhet) – ta bort den")
        return None
    if info.st_size > MAX_BYTES:
        problems.add("PO102", _too_big(info.st_size))
        return None
    try:
        with path.open("rb") as f:
            # Read at most one byte past the limit: the file may grow while an editor saves it.
            raw = f.read(MAX_BYTES + 1)
    except OSError as err:
        problems.add("PO100", f"filen gick inte att läsa ({os_reason(err)})")
        return None
    if len(raw) > MAX_BYTES:
        problems.add("PO102", _too_big(len(raw)))
        return None
    if not raw.strip():
        problems.add("PO103", "filen är tom – börja med en mall, t.ex. `po ny brist`")
        return None
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        problems.add(
            "PO101", "filen innehåller nolltecken och verkar inte vara en textfil", (line, 1)
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        guess = "Windows-1252/Latin-1" if _looks_latin1(raw) else "en annan kodning"
        problems.add(
            "PO101",
            f"filen är inte sparad som UTF-8 (den verkar vara {guess}) – spara den som "
            "UTF-8 i din textredigerare (Spara som → Kodning: UTF-8) så blir å, ä och ö rätt",
            (line, col),
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = first_invisible(text)
    if bad:
        line, col, char = bad
        problems.add("PO112", invisible_message(char), (line, col))
        # Said once; the rest of the checks go on with a zero-width space in its place (same
        # columns, and like the control character it is neither white space in Markdown nor
        # part of a link's scheme), so that the other mistakes are found in the same run.
        text = _INVISIBLE.sub("\u200b", text)
    return text


def os_reason(err: OSError) -> str:
    """The operating system's reason in Swedish: its own text is English (and localised at best)."""
    reasons = {
        errno.ENOENT: "filen finns inte längre – den flyttades eller togs bort medan kontrollen pågick",
        errno.EACCES: "du saknar behörighet att läsa den",
        errno.EPERM: "du saknar behörighet att läsa den",
        errno.EISDIR: "det är en mapp, inte en fil",
        errno.ELOOP: "den är en genväg som pekar på sig själv",
        errno.ENAMETOOLONG: "namnet är för långt",
        errno.EIO: "disken svarade inte",
    }
    return reasons.get(err.errno or 0, f"felnummer {err.errno} från operativsystemet")


def _too_big(size: int) -> str:
    return (
        f"filen är för stor ({-(-size // 1024)} KiB, högst {MAX_BYTES // 1024} KiB) – dela upp texten "
        "eller lägg långa underlag som bilaga i content/bilagor/"
    )


def invisible_message(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if BIDI.match(char):
        return (
            f"filen innehåller ett osynligt tecken som vänder textens riktning ({code}) – det kan få "
            "en rubrik att visas baklänges; skriv om ordet där markören hamnar"
        )
    return (
        f"filen innehåller ett osynligt styrtecken ({code}) – det kommer oftast med text som "
        "kopierats från en PDF eller ett annat program; skriv om ordet där markören hamnar"
    )


def _looks_latin1(raw: bytes) -> bool:
    return any(b in raw for b in (b"\xe5", b"\xe4", b"\xf6", b"\xc5", b"\xc4", b"\xd6"))


def full_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig", "replace").replace("\r\n", "\n").replace("\r", "\n")
