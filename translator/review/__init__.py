"""Side-by-side review of changes: the model, the terminal view and the HTML page."""
