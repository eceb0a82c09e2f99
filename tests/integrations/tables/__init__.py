"""numclaims.to_arrow, numclaims.spark and their extras: make test-tables."""
