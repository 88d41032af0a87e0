// Progressive enhancement: moves a retention job's progress bar every second, and reloads the page
// when the job ends so that its listing or outcome shows. Without JavaScript the page shows where the
// job stood when loaded, and a link to look again.
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
    if (job.finished) window.location.reload();
    else setTimeout(update, 1000);
  };
  setTimeout(update, 1000);
}
