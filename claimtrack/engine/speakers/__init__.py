"""Who a mention is: names, descriptions, outlets, documents and their issuers, resolved per article."""
