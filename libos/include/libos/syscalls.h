/* Every system call the LibOS serves: long sys_NAME(...) in the file of its
 * family, registered in core/syscall_table.c. Each returns a value or
 * -E...; arguments arrive as the app passed them. */
#ifndef LIBOS_SYSCALLS_H
#define LIBOS_SYSCALLS_H

/* fs/sys_file.c */
long sys_read(long fd, long buf, long len);
long sys_write(long fd, long buf, long len);
long sys_open(long path, long flags, long mode);
long sys_openat(long dirfd, long path, long flags, long mode);
long sys_close(long fd);
long sys_readv(long fd, long iov, long iovcnt);
long sys_writev(long fd, long iov, long iovcnt);
long sys_preadv(long fd, long iov, long iovcnt, long pos_low, long pos_high);
long sys_pwritev(long fd, long iov, long iovcnt, long pos_low, long pos_high);
long sys_preadv2(long fd, long iov, long iovcnt, long pos_low, long pos_high, long flags);
long sys_pwritev2(long fd, long iov, long iovcnt, long pos_low, long pos_high, long flags);
long sys_pread64(long fd, long buf, long len, long offset);
long sys_pwrite64(long fd, long buf, long len, long offset);
long sys_lseek(long fd, long offset, long whence);
long sys_fstat(long fd, long statbuf);
long sys_stat(long path, long statbuf);
long sys_lstat(long path, long statbuf);
long sys_newfstatat(long dirfd, long path, long statbuf, long flags);
long sys_ioctl(long fd, long request, long arg);
long sys_access(long path, long mode);
long sys_faccessat(long dirfd, long path, long mode);
long sys_faccessat2(long dirfd, long path, long mode, long flags);
long sys_getcwd(long buf, long size);
long sys_fcntl(long fd, long cmd, long arg);
long sys_umask(long mask);
long sys_chdir(long path);
long sys_fchdir(long fd);
long sys_truncate(long path, long length);
long sys_ftruncate(long fd, long length);
long sys_fsync(long fd);
long sys_fdatasync(long fd);

/* fs/sys_namei.c */
long sys_mkdir(long path, long mode);
long sys_mkdirat(long dirfd, long path, long mode);
long sys_rmdir(long path);
long sys_unlink(long path);
long sys_unlinkat(long dirfd, long path, long flags);
long sys_rename(long old_path, long new_path);
long sys_renameat(long old_dirfd, long old_path, long new_dirfd, long new_path);
long sys_renameat2(long old_dirfd, long old_path, long new_dirfd, long new_path, long flags);
long sys_link(long old_path, long new_path);
long sys_linkat(long old_dirfd, long old_path, long new_dirfd, long new_path, long flags);
long sys_symlink(long target, long path);
long sys_symlinkat(long target, long dirfd, long path);
long sys_readlink(long path, long buf, long size);
long sys_readlinkat(long dirfd, long path, long buf, long size);

/* fs/sys_dir.c */
long sys_getdents64(long fd, long dirp, long count);

/* fs/sys_fd.c */
long sys_dup(long oldfd);
long sys_dup2(long oldfd, long newfd);
long sys_dup3(long oldfd, long newfd, long flags);

/* fs/pipe.c */
long sys_pipe(long fds);
long sys_pipe2(long fds, long flags);

/* fs/eventfd.c */
long sys_eventfd(long count);
long sys_eventfd2(long count, long flags);

/* fs/sys_poll.c */
long sys_poll(long fds, long nfds, long timeout_msecs);
long sys_ppoll(long fds, long nfds, long tsp, long sigmask, long sigsetsize);
long sys_select(long n, long inp, long outp, long exp, long tvp);
long sys_pselect6(long n, long inp, long outp, long exp, long tsp, long sig);

/* fs/sys_copy.c */
long sys_sendfile(long out_fd, long in_fd, long offset, long count);
long sys_copy_file_range(long fd_in, long off_in, long fd_out, long off_out, long len, long flags);

/* fs/sys_attr.c */
long sys_chmod(long path, long mode);
long sys_fchmod(long fd, long mode);
long sys_fchmodat(long dirfd, long path, long mode);
long sys_utimensat(long dirfd, long path, long times, long flags);
long sys_chown(long path, long user, long group);
long sys_fchown(long fd, long user, long group);
long sys_lchown(long path, long user, long group);
long sys_fchownat(long dirfd, long path, long user, long group, long flags);
long sys_fallocate(long fd, long mode, long offset, long len);
long sys_fadvise64(long fd, long offset, long len, long advice);
long sys_readahead(long fd, long offset, long count);
long sys_flock(long fd, long cmd);
long sys_statx(long dirfd, long path, long flags, long mask, long buf);
long sys_statfs(long path, long buf);
long sys_fstatfs(long fd, long buf);

/* mm/mman.c */
long sys_mmap(long addr, long len, long prot, long flags, long fd, long offset);
long sys_munmap(long addr, long len);
long sys_mprotect(long addr, long len, long prot);
long sys_madvise(long addr, long len, long advice);
long sys_mremap(long old_addr, long old_len, long new_len, long flags, long new_addr);
long sys_msync(long addr, long len, long flags);
long sys_brk(long addr);

/* core/process.c */
long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_getresuid(long ruid, long euid, long suid);
long sys_getresgid(long rgid, long egid, long sgid);
long sys_setuid(long uid);
long sys_setgid(long gid);
long sys_setreuid(long ruid, long euid);
long sys_setregid(long rgid, long egid);
long sys_setresuid(long ruid, long euid, long suid);
long sys_setresgid(long rgid, long egid, long sgid);
long sys_getgroups(long size, long list);
long sys_setgroups(long size, long list);
long sys_getpgid(long pid);
long sys_getpgrp(void);
long sys_setpgid(long pid, long pgid);
long sys_getsid(long pid);
long sys_setsid(void);
long sys_sysinfo(long info);
long sys_times(long buf);
long sys_clock_getres(long clock, long res);
int creds_capable(void); /* CAP_SETUID and the others: for core/sched.c */
long sys_set_tid_address(long tidptr);
long sys_arch_prctl(long code, long addr);
long sys_exit(long status);
long sys_clone(long flags, long newsp, long parent_tid, long child_tid, long tls, long fn);
long sys_futex(long uaddr, long op, long val, long timeout, long uaddr2, long val3);
long sys_exit_group(long status);

/* core/robust.c */
long sys_set_robust_list(long head, long len);
long sys_get_robust_list(long pid, long head_ptr, long len_ptr);
void robust_list_exit(void);
long sys_uname(long buf);
long sys_getrandom(long buf, long len, long flags);
long sys_clock_gettime(long clock, long ts);

/* core/sched.c */
long sys_clone_task(long flags, long newsp, long parent_tid, long child_tid, long tls, long fn);
long sys_sched_getscheduler(long pid);
long sys_sched_getparam(long pid, long param);
long sys_sched_setscheduler(long pid, long policy, long param);
long sys_sched_setparam(long pid, long param);
long sys_sched_get_priority_max(long policy);
long sys_sched_get_priority_min(long policy);
long sys_sched_rr_get_interval(long pid, long interval);
long sys_prctl(long option, long arg2, long arg3, long arg4, long arg5);
void task_creds_changed(void); /* for core/process.c: commit_creds() */

/* core/cpu.c */
long sys_sched_getaffinity(long pid, long len, long mask);
long sys_sched_setaffinity(long pid, long len, long mask);
long sys_sched_yield(void);
long sys_membarrier(long cmd, long flags, long cpu_id);

/* core/signal.c */
long sys_rt_sigaction(long sig, long act, long oldact, long sigsetsize);
long sys_rt_sigprocmask(long how, long set, long oldset, long sigsetsize);
long sys_rt_sigpending(long set, long sigsetsize);
long sys_rt_sigreturn(void);
long sys_sigaltstack(long uss, long uoss);
long sys_kill(long pid, long sig);
long sys_tkill(long tid, long sig);
long sys_tgkill(long tgid, long tid, long sig);
long sys_rt_sigsuspend(long mask, long sigsetsize);
long sys_pause(void);
long sys_rt_sigtimedwait(long set, long info, long timeout, long sigsetsize);

/* core/sleep.c */
long sys_nanosleep(long req, long rem);
long sys_clock_nanosleep(long clock, long flags, long req, long rem);
long sys_setitimer(long which, long new_value, long old_value);
long sys_getitimer(long which, long value);
long sys_alarm(long seconds);

/* core/rlimit.c */
long sys_prlimit64(long pid, long resource, long new_limit, long old_limit);
long sys_getrlimit(long resource, long limit);
long sys_setrlimit(long resource, long limit);
long sys_getrusage(long who, long usage);
long sys_getpriority(long which, long who);
long sys_setpriority(long which, long who, long prio);

#endif
