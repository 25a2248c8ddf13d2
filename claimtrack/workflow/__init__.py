"""The review workflow: people's decisions on machine attributions and reproducible samples."""
