"""One module per command; ``utsatta.cli.app`` registers them."""
