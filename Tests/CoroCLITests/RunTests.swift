import CoroTestSupport
import Foundation
import Testing

/// Running programs through the `coro` executable: files, `-c`, stdin, arguments,
/// exit statuses, the disassembler, imports, and the collector's stress mode (the
/// traceback text itself is compared with CPython's in TracebackDifferentialTests).
@Suite(.serialized) struct RunTests {
    @Test func runsAFileWithItsArguments() throws {
        let url = try CoroBinary.file("args.py", "import sys\nprint(sys.argv[1:], len(sys.argv))\n")
        let result = try CoroBinary.run([url.path, "one", "two"])
        #expect(result.status == 0)
        #expect(result.stdout == "['one', 'two'] 3\n")
    }

    @Test func runsCodeFromTheCommandLineAndStdin() throws {
        let code = try CoroBinary.run(["-c", "import sys; print(sum(range(5)), sys.argv)", "x"])
        #expect(code.stdout == "10 ['-c', 'x']\n")
        let piped = try CoroBinary.run(["-"], input: "for i in range(3):\n    print(i * i)\n")
        #expect(piped.stdout == "0\n1\n4\n")
        let implicit = try CoroBinary.run([], input: "print('from stdin')\n")
        #expect(implicit.stdout == "from stdin\n")
    }

    @Test func exitStatusFollowsSysExit() throws {
        #expect(try CoroBinary.run(["-c", "import sys; sys.exit(3)"]).status == 3)
        #expect(try CoroBinary.run(["-c", "import sys; sys.exit()"]).status == 0)
        let message = try CoroBinary.run(["-c", "import sys; sys.exit('bye')"])
        #expect(message.status == 1 && message.stderr == "bye\n")
    }

    @Test func deepRecursionIsARecursionErrorWithCollapsedFrames() throws {
        let url = try CoroBinary.file("deep.py", "def f(n):\n    return f(n + 1)\nf(0)\n")
        let result = try CoroBinary.run(["deep.py"], in: url.deletingLastPathComponent())
        #expect(result.status == 1 && !result.signaled)
        #expect(result.stderr.contains("  [Previous line repeated 996 more times]\n"))
        #expect(result.stderr.hasSuffix("RecursionError: maximum recursion depth exceeded\n"))
    }

    @Test func disassemblesFunctions() throws {
        let url = try CoroBinary.file("dis.py", "def add(a, b):\n    return a + b\n")
        let result = try CoroBinary.run(["--dis", url.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Disassembly of <code object add, line 1>:"))
        #expect(result.stdout.contains("LOAD_FAST                0 (a)"))
        #expect(result.stdout.contains("BINARY_OP                0 (+)"))
        #expect(result.stdout.contains("RETURN_VALUE"))
    }

    @Test func importsModulesBesideTheScript() throws {
        let url = try CoroBinary.file("main.py", "import helper\nfrom helper import twice\nprint(helper.NAME, twice(21))\n")
        try Data("NAME = 'helper'\ndef twice(x):\n    return 2 * x\n".utf8)
            .write(to: url.deletingLastPathComponent().appendingPathComponent("helper.coro"))
        let result = try CoroBinary.run([url.path])
        #expect(result.stdout == "helper 42\n")
        let missing = try CoroBinary.run(["-c", "import nowhere"])
        #expect(missing.stderr.hasSuffix("ModuleNotFoundError: No module named 'nowhere'\n"))
    }

    @Test func collectorStressModeKeepsEveryLiveObject() throws {
        let program = """
            class Node:
                def __init__(self, value, next):
                    self.value, self.next = value, next
            head = None
            for i in range(300):
                head = Node(str(i) * 2, head)
            total = 0
            while head:
                total += len(head.value)
                head = head.next
            print(total, sorted({str(i): [i] * 2 for i in range(50)}.items())[-1])
            """
        let stressed = try CoroBinary.run(["-c", program], environment: ["CORO_GC_STRESS": "1"])
        #expect(stressed.stdout == "1580 ('9', [9, 9])\n")
    }
}

/// Ctrl-C raises KeyboardInterrupt in the running script, wherever it is.
@Suite(.serialized) struct InterruptTests {
    @Test func sigintRaisesKeyboardInterrupt() throws {
        let process = Process()
        process.executableURL = Fixtures.packageRoot.appendingPathComponent(".build/debug/coro")
        process.arguments = ["-c", "print('go', flush=True)\ntry:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught', flush=True)\nwhile True:\n    pass\n"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Never hang the suite: a lost interrupt fails the test instead.
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(20)) { [process] in
            if process.isRunning { process.terminate() }
        }
        // Wait until the script runs, then interrupt it twice: caught once, then fatal.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("go\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        process.interrupt()
        while !String(decoding: seen, as: UTF8.self).contains("caught\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        process.interrupt()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(String(decoding: seen, as: UTF8.self) == "go\ncaught\n")
        #expect(process.terminationStatus == 130)
        #expect(String(decoding: err, as: UTF8.self).hasSuffix("KeyboardInterrupt\n"))
    }
}
