import BigInt
@testable import CoroRuntime
import Testing

/// Units of the runtime: the collector, CPython's set layout, the random generator,
/// and the dict, driven through a VM without running scripts.
@Suite struct RuntimeTests {
    @Test func collectorFreesUnreachableCyclesAndKeepsRootedObjects() {
        let vm = VM(output: OutputSink { _ in }, errorOutput: OutputSink { _ in })
        let kept = vm.newList([])
        vm.temporaryRoots.append(Value(kept))
        for _ in 0..<1000 {
            let first = vm.newList([])
            let second = vm.newList([Value(first)])
            first.items.append(Value(second))
        }
        kept.items.append(vm.str("still here"))
        let before = vm.heap.objects.count
        vm.collectGarbage(keepingRoots: vm.temporaryRoots.count)
        #expect(before - vm.heap.objects.count >= 2000)
        #expect(vm.heap.objects.contains { $0 === kept })
        #expect((try? vm.strText(kept.items[0])) == "still here")
    }

    @Test func setsIterateInCPythonsTableOrder() throws {
        let vm = VM(output: OutputSink { _ in }, errorOutput: OutputSink { _ in })
        let set = vm.newSet()
        for number in [3, 1, 2, 100, 8, 65] { try set.add(.int(number), hash: try vm.hash(.int(number)), vm: vm) }
        // CPython: set([3, 1, 2, 100, 8, 65]) prints {1, 2, 3, 100, 65, 8} (65 probes past 1..100).
        #expect(set.keys.compactMap { if case .int(let n) = $0 { return n } else { return nil } } == [1, 2, 3, 100, 65, 8])
    }

    @Test func randomMatchesCPythonsMersenneTwister() {
        var state = RandomState(seed: 0)
        state.seed(words: [42])
        #expect(state.random() == 0.6394267984578837)
        #expect(state.random() == 0.025010755222666936)
    }

    @Test func numbersHashAsInCPython() throws {
        let vm = VM(output: OutputSink { _ in }, errorOutput: OutputSink { _ in })
        #expect(try vm.hash(.int(-1)) == -2)
        #expect(try vm.hash(.float(1.0)) == 1)
        #expect(try vm.hash(.float(0.5)) == 1_152_921_504_606_846_976)
        #expect(try vm.hash(vm.intValue(BigIntLiteral.twoTo64)) == 8)
    }

    @Test func dictKeepsInsertionOrderThroughDeletesAndGrowth() throws {
        let vm = VM(output: OutputSink { _ in }, errorOutput: OutputSink { _ in })
        let dict = vm.newDict()
        for index in 0..<100 { try dict.set(.int(index), .int(index * 2), vm: vm) }
        for index in stride(from: 0, to: 100, by: 3) { _ = try dict.remove(.int(index), hash: index, vm: vm) }
        try dict.set(.int(0), .int(-1), vm: vm)
        let keys = dict.keys.compactMap { if case .int(let n) = $0 { return n } else { return nil } }
        #expect(keys.count == 67)
        #expect(keys.last == 0 && keys.first == 1)
        #expect(try dict.lookup(.float(4.0), vm: vm).map { if case .int(let n) = $0 { return n } else { return -9 } } == 8)
    }
}

/// 2**64, built without a literal.
enum BigIntLiteral {
    static var twoTo64: BigInt { makeBigInt(1) << 64 }
}
