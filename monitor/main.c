/* intravisor: deploy the cVMs a YAML file describes and run them. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "cvm.h"
#include "log.h"
#include "options.h"
#include "run.h"
#include "trace.h"

static void usage(FILE *out)
{
	options_usage(out,
		      "usage: intravisor [-v]... -y FILE.yaml\n"
		      "       intravisor run [OPTIONS] PROG [ARGS...]   (intravisor run --help)\n"
		      "Exit status: the app's; 128+N if signal N ended it; 1 if deployment failed; "
		      "2 for bad usage.\n",
		      main_options);
}

int main(int argc, char **argv)
{
	struct option options[OPTIONS_MAX + 1];
	char shorts[2 * OPTIONS_MAX + 2];
	const char *yaml = NULL;
	struct config cfg = { 0 };
	struct deployment dep;
	char err[1024];
	int opt, status;

	if (argc > 1 && !strcmp(argv[1], "run"))
		return run_main(argc - 1, argv + 1);
	options_getopt(main_options, options, shorts);
	while ((opt = getopt_long(argc, argv, shorts, options, NULL)) != -1) {
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
		case OPT_STRACE:
			if (trace_configure(optarg, err, sizeof(err))) {
				log_error("%s", err);
				return 2;
			}
			break;
		case OPT_LOG:
			if (log_to_file(optarg))
				return 2;
			break;
		case OPT_MAN:
			options_man(stdout);
			return 0;
		case OPT_COMPLETION:
			options_bash_completion(stdout);
			return 0;
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
