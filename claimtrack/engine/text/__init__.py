"""An article's text structure: sentences, paragraphs, quotations, and what each segment is."""
