"""One module per section of the report, each turning computed data into its part of the view."""
