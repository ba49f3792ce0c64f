"""python -m utsatta"""

from utsatta.start import main

main()
