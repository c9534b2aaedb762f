import CoroTestSupport
import Testing

/// The async runtime through the `coro` binary: top-level await, the async builtins,
/// virtual time.
@Suite(.serialized) struct AsyncCommandLineTests {
    @Test func coroScriptsAwaitAtTopLevelWithTheAsyncBuiltins() throws {
        let script = """
            async def worker(name, delay):
                await sleep(delay)
                print(name, "woke")
                return name.upper()

            first = create_task(worker("late", 0.02))
            print(await gather(worker("a", 0.01), first))
            async with timeout_guard():
                pass
            """
        // `timeout_guard` is not a builtin: the NameError is raised inside the main task.
        let url = try CoroBinary.file("main.coro", script)
        let result = try CoroBinary.run([url.path], timeout: 30)
        #expect(result.stdout == "a woke\nlate woke\n['A', 'LATE']\n")
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("NameError: name 'timeout_guard' is not defined\n"))
        #expect(result.stderr.contains("in <module>"))
    }

    /// The README's async example prints what the README says, on either clock.
    @Test func readmeAsyncExampleRuns() throws {
        let example = Fixtures.packageRoot.appendingPathComponent("Scripts/examples/queue_workers.coro").path
        for arguments in [[example], ["--virtual-time", example]] {
            let result = try CoroBinary.run(arguments, timeout: 30)
            #expect(result.stdout == "['b after 0.1s', 'a after 0.3s', 'c after 0.2s']\ntimed out\n")
            #expect(result.status == 0)
        }
    }

    @Test func topLevelAwaitIsASyntaxErrorInPythonFiles() throws {
        let url = try CoroBinary.file("main.py", "await sleep(0)\n")
        let result = try CoroBinary.run([url.path], timeout: 30)
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("SyntaxError: 'await' outside function\n"))
    }

    @Test func runReturnsTheMainCoroutinesValue() throws {
        let url = try CoroBinary.file("run.py", "async def main():\n    await sleep(0)\n    return 'done'\nprint(run(main()))\n")
        let result = try CoroBinary.run([url.path], timeout: 30)
        #expect(result.stdout == "done\n")
        #expect(result.status == 0)
    }

    /// What asyncio reports on stderr about mistakes it can only see when objects die:
    /// a coroutine never awaited, a task whose exception nobody retrieved. Compared
    /// with python3's stderr byte for byte.
    @Test(arguments: [
        ("never_awaited.py", "import asyncio\n\nasync def forgotten():\n    await asyncio.sleep(1)\n\nasync def main():\n    forgotten()\n    print('main done')\n\nasyncio.run(main())\n"),
        ("never_retrieved.py", "import asyncio\n\nasync def fail():\n    raise ValueError('never retrieved')\n\nasync def main():\n    asyncio.create_task(fail())\n    await asyncio.sleep(0.01)\n    print('main done')\n\nasyncio.run(main())\n"),
    ])
    func lateReportsMatchCPython(name: String, script: String) throws {
        let url = try CoroBinary.file(name, script)
        let expected = try TracebackDifferentialTests.python(url)
        let result = try CoroBinary.run([url.path], timeout: 30)
        #expect(result.status == 0)
        #expect(result.stdout == "main done\n")
        #expect(result.stderr == expected)
        #expect(!expected.isEmpty)
    }

    /// `--debug`: a step that holds the loop over 100 ms is reported with the task and
    /// the line that created it; without the flag nothing is reported.
    @Test func debugModeReportsSlowStepsWithCreationSites() throws {
        let script = """
            import asyncio, time
            async def slow():
                time.sleep(0.15)
            async def main():
                await asyncio.create_task(slow())
            asyncio.run(main())
            """
        let url = try CoroBinary.file("slow.py", script)
        let debugged = try CoroBinary.run(["--debug", url.path], timeout: 30)
        #expect(debugged.status == 0)
        #expect(debugged.stderr.hasPrefix("Executing <Task finished name='Task-2' coro=<slow() done, defined at \(url.path):2> result=None created at \(url.path):5> took 0.1"))
        #expect(debugged.stderr.hasSuffix(" seconds\n"))
        let plain = try CoroBinary.run([url.path], timeout: 30)
        #expect(plain.status == 0 && plain.stderr.isEmpty)
    }

    /// `--debug`: an exception that crossed tasks lists them after its frames, each
    /// awaiting task with the line of its await; the last line stays CPython's.
    @Test func debugTracebacksListTheTasksAnExceptionCrossed() throws {
        let script = """
            import asyncio
            async def leaf():
                await asyncio.sleep(0)
                raise ValueError("deep")
            async def middle():
                return await asyncio.create_task(leaf(), name="leaf-task")
            async def main():
                return await asyncio.gather(middle())
            asyncio.run(main())
            """
        let url = try CoroBinary.file("crossing.py", script)
        let debugged = try CoroBinary.run(["--debug", url.path], timeout: 30)
        #expect(debugged.status == 1)
        #expect(debugged.stderr.hasSuffix("""
            Tasks (the innermost first):
              raised in task 'leaf-task'
              awaited in task 'Task-2': middle() running at \(url.path):6
              awaited in task 'Task-1': main() running at \(url.path):8
            ValueError: deep

            """))
        let plain = try CoroBinary.run([url.path], timeout: 30)
        #expect(plain.status == 1 && !plain.stderr.contains("Tasks (the innermost first)"))
    }

    /// A thread still running when the script ends finishes first (CPython joins its
    /// executor threads at exit), after the traceback when the script failed.
    @Test func threadsFinishBeforeTheInterpreterEnds() throws {
        let script = """
            import asyncio, time
            def work():
                time.sleep(0.1)
                print("thread done")
            asyncio.new_event_loop().run_in_executor(None, work)
            print("script done")
            """
        let url = try CoroBinary.file("join.py", script)
        let finished = try CoroBinary.run([url.path], timeout: 30)
        #expect(finished.stdout == "script done\nthread done\n")
        #expect(finished.status == 0)
        let failing = try CoroBinary.file("join_failing.py", script + "\nraise ValueError('main failed')\n")
        let failed = try CoroBinary.run([failing.path], timeout: 30)
        #expect(failed.stdout == "script done\nthread done\n")
        #expect(failed.status == 1 && failed.stderr.hasSuffix("ValueError: main failed\n"))
    }

    /// A loop closed with a task still pending lets it go; collecting it reports it.
    @Test func tasksLeftPendingByAClosedLoopAreReported() throws {
        let script = """
            import asyncio
            loop = asyncio.new_event_loop()
            loop.create_task(asyncio.sleep(10))
            loop.run_until_complete(asyncio.sleep(0))
            loop.close()
            """
        let url = try CoroBinary.file("pending.py", script)
        let result = try CoroBinary.run([url.path], timeout: 30)
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("Task was destroyed but it is pending!\ntask: <Task pending name='Task-1' coro=<sleep() running at"))
    }

    /// An hour of sleeping in a thousand tasks completes at once, in deadline order, and
    /// the clocks scripts read follow the virtual time.
    @Test func virtualTimeJumpsToEachDeadline() throws {
        let script = """
            import asyncio, time
            async def sleeper(i):
                await asyncio.sleep(3600 + (i % 3))
                return i % 3
            async def main():
                loop = asyncio.get_running_loop()
                start, wall = loop.time(), time.time()
                results = await asyncio.gather(*(sleeper(i) for i in range(1000)))
                print(sum(results), round(loop.time() - start), round(time.time() - wall))
                time.sleep(50)
                print(round(time.monotonic() - start))
            asyncio.run(main())
            """
        let url = try CoroBinary.file("hour.py", script)
        for arguments in [["--virtual-time", url.path], [url.path]] {
            let environment = arguments.count == 1 ? ["CORO_VIRTUAL_TIME": "1"] : [:]
            let result = try CoroBinary.run(arguments, environment: environment, timeout: 60)
            #expect(result.stdout == "999 3602 3602\n3652\n")
            #expect(result.status == 0)
        }
    }
}
