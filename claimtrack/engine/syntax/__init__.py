"""One sentence's syntax read for reports: verb groups, their subjects, verbal and framing cues."""
