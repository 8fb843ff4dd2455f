"""Side-by-side review of changes: the model (``model``), the terminal view
(``terminal``) and the standalone HTML page (``html``, its CSS and JS in ``assets/``)."""
