// Progressive enhancement: moves a job's progress bar (a rebuild, a retention run) every second until
// the job ends, then reloads the page if it asks to (data-reload-when-finished), so that a retention
// run's listing or outcome shows. Without JavaScript the page shows where the job stood when loaded,
// and a link to look again.
const box = document.querySelector('[data-job-progress]');
if (box && box.dataset.finished !== 'true') {
  const bar = box.querySelector('progress');
  const update = async () => {
    const answer = await fetch(box.dataset.jobProgress, { headers: { accept: 'application/json' } });
    if (!answer.ok) return;
    const job = await answer.json();
    bar.value = job.percent;
    bar.textContent = `${job.percent}%`;
    box.querySelector('[data-percent]').textContent = String(job.percent);
    box.querySelector('[data-state]').textContent = job.stateText;
    if (!job.finished) setTimeout(update, 1000);
    else if (box.dataset.reloadWhenFinished === 'true') window.location.reload();
  };
  setTimeout(update, 1000);
}
