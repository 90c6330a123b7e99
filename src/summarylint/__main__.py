from summarylint.cli import main

main()
