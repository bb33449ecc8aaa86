"""File formats: keys, signatures, safe zips and the JSON documents inside batch and score files."""
