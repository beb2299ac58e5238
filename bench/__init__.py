"""The benchmark: our page against the article's, plain JavaScript and a do-nothing ceiling."""
