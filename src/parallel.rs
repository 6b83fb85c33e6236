//! Work spread over the machine's cores: one scoped thread per core, each taking the next
//! item until none is left, results in the order of the items. On one core (or for one
//! item) it is a plain loop, with no thread started.

use std::sync::Mutex;

/// How many threads to use: the cores this process may run on.
fn threads(items: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.min(items).max(1)
}

/// `f` over every item, mutably, in parallel; the results in item order.
pub fn map_mut<T, R, F>(items: &mut [T], f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(&mut T) -> R + Sync,
{
    let n = threads(items.len());
    if n == 1 {
        return items.iter_mut().map(f).collect();
    }
    let len = items.len();
    let queue = Mutex::new(items.iter_mut().enumerate());
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..n)
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        // The lock is held only to take the next item.
                        let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                        let Some((i, item)) = next else { break };
                        out.push((i, f(item)));
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    debug_assert_eq!(done.len(), len);
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// `f` over every item, in parallel; the results in item order.
pub fn map<T, R, F>(items: Vec<T>, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync,
{
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    map_mut(&mut slots, |slot| {
        f(slot.take().expect("each item is taken once"))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_order_of_the_items() {
        let squares = super::map((0..1000u64).collect(), |x| x * x);
        assert_eq!(squares, (0..1000u64).map(|x| x * x).collect::<Vec<_>>());
        let mut words = vec![String::from("a"); 100];
        let lengths = super::map_mut(&mut words, |w| {
            w.push('b');
            w.len()
        });
        assert!(lengths.iter().all(|&l| l == 2) && words.iter().all(|w| w == "ab"));
    }
}
