"""Reports and exports read from the store: profiles, speakers, JSON lines, CSV, ClaimReview, HTML."""
