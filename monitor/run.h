#ifndef MONITOR_RUN_H
#define MONITOR_RUN_H

/* intravisor run ...: argv[0] is "run". Returns the exit status. */
int run_main(int argc, char **argv);

#endif
