from deck.cli import main

main()
