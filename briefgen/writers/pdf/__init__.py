"""The PDF writer (reportlab), with footnotes at the foot of the page that cites them."""
