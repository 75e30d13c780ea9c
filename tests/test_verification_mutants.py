"""Tests written to kill the mutants `make mutation` found surviving in verification, selection and status."""
