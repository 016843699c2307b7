/* cli_check.c -- placeholder until `winnow check` lands. */
#include "cli.h"

int cli_check_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("winnow: check: not built yet\n", stderr);
	return EXIT_USAGE;
}
