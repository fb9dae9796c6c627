from jianbao.cli import main

main()
