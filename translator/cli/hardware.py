"""Options of the commands that translate: where the model runs and how many translations
run at once."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..translate.engines import Hardware


class Device(StrEnum):
    AUTO = "auto"
    CPU = "cpu"
    CUDA = "cuda"


DeviceOption = Annotated[Device, typer.Option("--device", help="Where the model runs; auto: a CUDA GPU when there is one, else the CPU.")]
ComputeTypeOption = Annotated[str, typer.Option("--compute-type", metavar="TYPE", help="CTranslate2 compute type (int8, float16, …) [default: the model's own].", show_default=False)]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Translations (and cleanings) at once: N cores.")]


def hardware(device: Device, compute_type: str, jobs: int) -> Hardware:
    from ..translate.engines import Hardware

    return Hardware(str(device), compute_type, jobs)
