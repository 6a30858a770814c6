"""Layering rules that a grep can hold: settings have one way in (entry points read the environment,
library code is passed what it needs), and the API's request/callback vocabulary stays in service/."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "topline"
# The entry points: they build the Settings object and pass it (or values from it) down.
ENTRY_POINTS = {"settings.py", "cli.py", "service/commands.py", "tasks/commands.py", "service/app.py",
                "tasks/context.py"}


def _modules():
    for p in sorted(SRC.rglob("*.py")):
        rel = p.relative_to(SRC).as_posix()
        if not rel.startswith("migrations/"):
            yield rel, p.read_text()


def test_library_code_never_reads_settings_from_a_global():
    offenders = [rel for rel, text in _modules()
                 if rel not in ENTRY_POINTS and re.search(r"\bget_settings\(\)|\bSettings\(\)", text)]
    assert offenders == [], f"pass the settings in instead: {offenders}"


# cli.py maps its flags onto the service's request model (the one validator); fetch/ names the URL field
# a caller gives it in its messages, "uploadUrl" by default (and the callback outbox names "callBackUrl" in
# the delivery errors a user reads, which is why that name is not in the list below).
SPEAKS_API = {"cli.py": "maps flags to SongRequest fields", "fetch/addresses.py": "field name in messages",
              "fetch/download.py": "field name in messages"}


def test_request_and_callback_vocabulary_stays_in_service():
    fields = ("negativeTags", "styleWeight", "weirdnessConstraint", "audioWeight", "vocalGender", "uploadUrl",
              "sunoData", "callbackType", "record-info", "streamAudioUrl", "modelName")
    offenders = [(rel, f) for rel, text in _modules() if not rel.startswith("service/") and rel not in SPEAKS_API
                 for f in fields if f'"{f}"' in text]
    assert offenders == [], f"the API's vocabulary belongs in service/: {offenders}"
