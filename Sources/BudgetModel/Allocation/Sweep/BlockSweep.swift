import Foundation
import LinearProgramming

/// The results of a sweep, in cut order, computed in blocks of `blockSize` cuts on up to
/// `jobs` threads.
///
/// Each block starts a fresh `Allocator` (the maximum feasible cut is shared) and runs its cuts
/// in order, each warm from the last. Blocks fall at the same cuts however many threads run
/// them, so the results are the same to the last bit for every `jobs`, serial included. At most
/// `2 × jobs` finished blocks wait for their turn, so memory stays flat however long the sweep.
public final class BlockSweep: @unchecked Sendable {
    /// Cuts per block: a fresh allocator starts cold once per block.
    public static let blockSize = 64
    /// The most threads a sweep may ask for.
    public static let maximumJobs = 256

    private let scenario: Scenario
    private let maximumCut: Double?
    private let jobs: Int
    private let followsPieces: Bool
    /// The infeasible cuts' pieces, made by `run` when the sweep follows pieces.
    private var infeasiblePieces: InfeasiblePieces?
    /// Given to every allocator the sweep makes (`Allocator.solveObserver`): called with every LP
    /// solved, on the thread that solved it, so with more than one job it must be thread-safe.
    /// Set it before `run`.
    public var solveObserver: ((LinearProgram, Solution) -> Void)?
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var cuts: AnyIterator<Double>
    private var blocksTaken = 0
    private var blocksWritten = 0
    private var noMoreCuts = false
    private var stopped = false
    private var runningWorkers = 0
    private var finished: [Int: [CutResult]] = [:]

    /// A sweep of `cuts` of `scenario`, whose maximum feasible cut is `maximumCut` (what
    /// `Allocator.maximumFeasibleCut()` returned), on `jobs` threads (at least 1).
    ///
    /// With `followsPieces` (the default), a cut on the linear piece of a cut solved before in
    /// its block is read from that piece (`Allocator.followsPieces`), and an infeasible cut
    /// past the maximum cut from the linear pieces of the deficit and the fallback, which every
    /// block shares (`InfeasiblePieces`); without it, every cut is solved.
    public init<Cuts: Sequence>(scenario: Scenario, maximumCut: Double?, cuts: Cuts, jobs: Int, followsPieces: Bool = true)
    where Cuts.Element == Double {
        self.scenario = scenario
        self.maximumCut = maximumCut
        self.jobs = max(1, jobs)
        self.followsPieces = followsPieces
        var iterator = cuts.makeIterator()
        self.cuts = AnyIterator { iterator.next() }
    }

    /// Calls `deliver` with every cut's result, in cut order, on the calling thread. A cut the
    /// solver cannot decide is delivered as `unsolved` with its reason, and the cuts after it
    /// start from a fresh allocator: one cut never ends a sweep.
    ///
    /// - Throws: only what `deliver` throws.
    public func run(deliver: (CutResult) throws -> Void) throws {
        if followsPieces {
            infeasiblePieces = InfeasiblePieces(scenario: scenario, maximumCut: maximumCut, observer: solveObserver)
        }
        if jobs == 1 {
            while let block = takeBlock(waiting: false) {
                for result in allocate(block.cuts) { try deliver(result) }
            }
            return
        }
        condition.lock()
        runningWorkers = jobs
        condition.unlock()
        for _ in 0..<jobs {
            let worker = Thread { [self] in work() }
            worker.start()
        }
        defer { stopAndWaitForWorkers() }
        while let results = nextFinishedBlock() {
            for result in results { try deliver(result) }
        }
    }

    // MARK: - Blocks

    private func allocate(_ cuts: [Double]) -> [CutResult] {
        // Made at the first cut that is solved: a block read wholly from pieces needs none.
        var solver: Allocator? = nil
        var piece: InfeasiblePieces.Piece? = nil
        var results: [CutResult] = []
        results.reserveCapacity(cuts.count)
        for cut in cuts {
            if let infeasiblePieces {
                if piece?.contains(cut) != true { piece = infeasiblePieces.piece(containing: cut) }
                if let piece, piece.contains(cut) {
                    results.append(piece.result(atCut: cut, envelope: scenario.envelope(afterCut: cut)))
                    continue
                }
            }
            let allocator = solver ?? makeAllocator()
            solver = allocator
            do {
                results.append(try allocator.result(atCut: cut))
            } catch {
                // Nothing the failed solves left behind carries over to the next cut.
                solver = nil
                results.append(.unsolved(error, envelope: scenario.envelope(afterCut: cut)))
            }
        }
        return results
    }

    private func makeAllocator() -> Allocator {
        let allocator = Allocator(scenario: scenario, maximumCut: maximumCut)
        allocator.followsPieces = followsPieces
        allocator.solveObserver = solveObserver
        return allocator
    }

    /// The next block's index and cuts, or nil when there are none (or the sweep stopped).
    /// With `waiting`, first waits until fewer than `2 × jobs` blocks are ahead of the writer.
    private func takeBlock(waiting: Bool) -> (index: Int, cuts: [Double])? {
        condition.lock()
        defer { condition.unlock() }
        while waiting && !stopped && blocksTaken - blocksWritten >= 2 * jobs { condition.wait() }
        guard !stopped, !noMoreCuts else { return nil }
        var block: [Double] = []
        block.reserveCapacity(Self.blockSize)
        while block.count < Self.blockSize, let cut = cuts.next() { block.append(cut) }
        if block.count < Self.blockSize { noMoreCuts = true }
        guard !block.isEmpty else { return nil }
        blocksTaken += 1
        return (blocksTaken - 1, block)
    }

    private func work() {
        while let block = takeBlock(waiting: true) {
            let outcome = allocate(block.cuts)
            condition.lock()
            finished[block.index] = outcome
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        runningWorkers -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The next block in order once it is finished; nil when every block has been written.
    private func nextFinishedBlock() -> [CutResult]? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let block = finished.removeValue(forKey: blocksWritten) {
                blocksWritten += 1
                condition.broadcast()
                return block
            }
            if (noMoreCuts || stopped) && runningWorkers == 0 { return nil }
            condition.wait()
        }
    }

    private func stopAndWaitForWorkers() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while runningWorkers > 0 { condition.wait() }
        finished.removeAll()
        condition.unlock()
    }
}
