"""pydantic models for every kind of data file. Field names are the YAML keys."""
