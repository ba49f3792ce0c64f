"""python -m utsatta"""

from utsatta.cli import main

main()
