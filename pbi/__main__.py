from pbi.cli import run

run()
