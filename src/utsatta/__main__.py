"""python -m utsatta"""

from utsatta.cli.app import main

main()
