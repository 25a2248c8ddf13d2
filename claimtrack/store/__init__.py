"""The store: schema, database and migrations, and the claim filters every listing shares."""
