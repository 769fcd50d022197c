/* intravisor: deploy the cVMs a YAML file describes and run them. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "cvm.h"
#include "log.h"
#include "run.h"
#include "trace.h"

static void usage(FILE *out)
{
	fprintf(out, "usage: intravisor [-v]... -y FILE.yaml\n"
		     "       intravisor run [OPTIONS] PROG [ARGS...]   (intravisor run --help)\n"
		     "  -y, --yaml FILE   deploy and run the cVMs described in FILE\n"
		     "  -v, --verbose     print the seed's detail (segments, capabilities); twice: more\n"
		     "  --strace[=ITEM,...]  trace every system call the LibOS serves, like strace;\n"
		     "                    ITEM: 'host' (host calls too), 'time' (durations), or a file\n"
		     "  -h, --help        this text\n"
		     "Exit status: the app's exit status; 1 if deployment failed; 2 for bad usage.\n");
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "yaml", required_argument, NULL, 'y' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "strace", optional_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	const char *yaml = NULL;
	struct config cfg = { 0 };
	struct deployment dep;
	char err[1024];
	int opt, status;

	if (argc > 1 && !strcmp(argv[1], "run"))
		return run_main(argc - 1, argv + 1);
	while ((opt = getopt_long(argc, argv, "y:vh", options, NULL)) != -1) {
		switch (opt) {
		case 'y':
			yaml = optarg;
			break;
		case 'v':
			log_level++;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'S':
			if (trace_configure(optarg, err, sizeof(err))) {
				log_error("%s", err);
				return 2;
			}
			break;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (!yaml || optind != argc) {
		usage(stderr);
		return 2;
	}
	if (config_load(yaml, &cfg, err, sizeof(err))) {
		log_error("%s", err);
		config_free(&cfg);
		return 1;
	}
	if (deploy(&cfg, NULL, &dep)) {
		config_free(&cfg);
		return 1;
	}
	status = deployment_run(&dep);
	deployment_free(&dep);
	config_free(&cfg);
	trace_close();
	return status < 0 ? 1 : status;
}
