"""What a user reads: the yearly report (:mod:`utsatta.render.report`), the terminal tables and
JSON of ``plan``, ``status`` and ``indikatorer`` (:mod:`utsatta.render.overview`) and the
validation reporters (:mod:`utsatta.render.findings`), with the words and number texts they share
(:mod:`utsatta.render.labels`). Everything is returned as text; only the CLI prints it."""
