from utsatta.cli import main

main()
