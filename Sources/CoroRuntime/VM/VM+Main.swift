import CoroCompiler
import CoroSyntax

#if canImport(Glibc)
import Glibc
#endif

/// Running a program's main module, and what the host sees of the outcome.
extension VM {
    /// Runs `code` as `__main__`; returns the process exit status (uncaught exceptions
    /// print their traceback on stderr and give 1; `SystemExit` gives its code).
    /// `endsProcess`: the host exits right after, so the last collection (which reports
    /// and finalizes) leaves the garbage to the process's end.
    public func runMain(_ code: CodeObject, path: String, endsProcess: Bool = false) -> Int32 {
        let module = newModule("__main__", file: path)
        modules.setString(intern("__main__"), Value(module))
        defer {
            output.flush()
            errorOutput.flush()
        }
        do throws(PyError) {
            let result = try runModuleCode(code, in: module)
            if code.flags.contains(.topLevelAwait) {
                // A `.coro` script that awaits at top level: its body is the main coroutine.
                _ = try withRoots([result]) { () throws(PyError) -> Value in
                    let asyncio = Value(try importModule("asyncio"))
                    return try call(try getAttribute(asyncio, intern("run")), [result])
                }
            }
            joinThreads()
            collectAtExit(keeping: .none, endsProcess: endsProcess)
            return 0
        } catch let thrown {
            // Like CPython, which frees the failed frames (reporting what only they held)
            // before it prints the traceback.
            collectAtExit(keeping: Value(thrown.exception), endsProcess: endsProcess)
            let status = report(thrown.exception)
            joinThreads()
            return status
        }
    }

    /// Lets threads of script code still running finish, as CPython joins its executor
    /// threads at exit (a thread must not outlive its interpreter).
    private func joinThreads() {
        while !threadCalls.isEmpty {
            waitForThreads(3600)
            _ = takeThreadResults()
        }
    }

    /// A last collection, so that coroutines dropped without running are reported and
    /// pending `__del__` methods run (skipped when there can be neither); `value` stays
    /// alive through it. When the process ends right after, the garbage is left to it.
    private func collectAtExit(keeping value: Value, endsProcess: Bool) {
        guard finalizersExist || coroutinesMade || !collectionReports.isEmpty else { return }
        heap.abandonsGarbage = endsProcess
        defer { heap.abandonsGarbage = false }
        let mark = temporaryRoots.count
        temporaryRoots.append(value)
        collectGarbage(keepingRoots: mark + 1)
        temporaryRoots.removeSubrange(mark...)
    }

    /// Prints an uncaught exception (or handles SystemExit) and returns the exit status.
    func report(_ exception: PyException) -> Int32 {
        output.flush()
        if exception.type.isSubtype(of: types[exception: "SystemExit"]) {
            let code = exception.args.first ?? .none
            switch code {
            case .none: return 0
            case .int(let status): return Int32(truncatingIfNeeded: status)
            case .bool(let flag): return flag ? 1 : 0
            default:
                errorOutput.write(((try? strText(code)) ?? "") + "\n")
                return 1
            }
        }
        errorOutput.write(formatException(exception))
        // Like CPython: an uncaught KeyboardInterrupt ends the process as SIGINT would.
        return exception.type.isSubtype(of: types[exception: "KeyboardInterrupt"]) ? 130 : 1
    }

    /// Runs `body` on a thread with a large stack, for deep native recursion (nested
    /// runs of the loop under `__repr__`, `__eq__`, sort keys...); returns its status.
    public static func onLargeStack(_ body: @escaping () -> Int32) -> Int32 {
        let result = ExitStatus()
        guard let thread = NativeThread.start(stackSize: 1 << 30, { result.value = body() }) else { return body() }
        pthread_join(thread, nil)
        return result.value
    }
}

/// The status `onLargeStack`'s thread hands back.
private final class ExitStatus: @unchecked Sendable {
    var value: Int32 = 0
}
