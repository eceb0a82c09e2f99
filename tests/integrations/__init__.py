"""Tests of the optional integrations, one folder each, run by their own make targets."""
