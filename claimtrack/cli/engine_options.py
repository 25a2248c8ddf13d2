"""The options that choose how claims are attributed, shared by `ingest` and `evaluate`."""

from __future__ import annotations

import click

# claimtrack.engine.pipeline.ENGINES (tested equal), named here so that a command with these options
# does not import the attribution engine before it runs: `claims` and `show` have no use for it
ENGINES = ("learned", "rules")


def decision_options(command):
    """--engine and --model: the learned decision layer (default) with the packaged model or a
    newsroom's own (also CLAIMTRACK_MODEL, so a team sets it once), or the rules alone."""
    command = click.option("--model", "model", envvar="CLAIMTRACK_MODEL", type=click.Path(dir_okay=False),
                           help="Decision model file made by 'claimtrack train' (also CLAIMTRACK_MODEL; "
                                "default: the model the package ships).")(command)
    return click.option("--engine", type=click.Choice(ENGINES), envvar="CLAIMTRACK_ENGINE", default="learned",
                        show_default=True,
                        help="'learned': a trained model chooses among the rules' candidates; "
                             "'rules': the rules' own choices, for comparison.")(command)


def make_analyzer(backend: str, nlp_model: str | None, engine: str, model: str | None):
    """An Analyzer, or a one-line error that says how to fix what is missing."""
    from claimtrack.engine import Analyzer, BackendUnavailable
    from claimtrack.engine.backends import load_backend
    from claimtrack.engine.learned.model import ModelError

    if engine == "rules" and model:
        raise click.ClickException("--model gives a decision model, which --engine rules does not use: drop one")
    try:
        return Analyzer(load_backend(backend, nlp_model), engine=engine, model=model)
    except (BackendUnavailable, ModelError) as error:
        raise click.ClickException(str(error)) from error
