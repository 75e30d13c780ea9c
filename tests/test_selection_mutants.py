"""Which items each audience sees: profile filters, limits and the fit step, read back from built briefs."""
