"""Assembly: from classified lines to articles (text order or page geometry)."""
